"""Duties (nhiệm vụ được giao): what the higher plan gives the child's level, taken up or not.

A district's or commune's duties are those of the assignments to the People's
Committees of its tier (rules.yaml ``committees``); a department's, those of the
assignments naming it. Each is looked for in every text of the child: taken up
(score ≥ matched), to review — "cần xem", PD2 — or missing (below missing, PD1).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs
from rapidfuzz import fuzz

from planforge.catalogue.queries import named
from planforge.conformance.findings import Match, ParentFinding, Severity, shorten
from planforge.conformance.level import ChildLevel
from planforge.conformance.matching import Best, Corpus, words
from planforge.conformance.owners import Owners
from planforge.conformance.rules import rules
from planforge.conformance.tree import Located, located
from planforge.i18n import _
from planforge.model import Assignment, Plan, Reporting


@attrs.frozen
class Duty:
    """One duty of the higher plan for the child: its path and text."""

    path: str
    text: str


def _committee(agency: str, nouns: tuple[str, ...]) -> bool:
    names = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    pattern = (
        r"^(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+"
        rf"(?:các\s+|cấp\s+)?(?:{names})(?!\w)"
    )
    return re.match(pattern, agency, re.IGNORECASE) is not None


def _same_body(agency: str, own: str, level: ChildLevel) -> bool:
    variants = {own}
    for kind in level.catalogue.kinds:
        for body in kind.bodies:
            names = {named(n, level.noun) for n in body.names()}
            if any(fuzz.ratio(_plain(n), _plain(own)) >= 92 for n in names):
                variants |= names
    return any(fuzz.ratio(_plain(agency), _plain(v)) >= 92 for v in variants)


def _plain(text: str) -> str:
    return " ".join(words(text))


def addressed(assignment: Assignment, level: ChildLevel, own: str, *, tier: str) -> bool:
    """Whether ``assignment`` gives duties to the child (of ``tier``, issued by ``own``)."""
    if tier == "department":
        return any(_same_body(agency, own, level) for agency in assignment.agencies)
    nouns = rules().committees.get(tier, ())
    return any(_committee(agency, nouns) for agency in assignment.agencies)


def duties(parent: Plan, level: ChildLevel, own: str) -> list[Duty]:
    """The duties ``parent`` gives the child's level, each item of an assignment's list apart."""
    entries = located(parent)
    tier = level.kind.tier
    chosen = _assignments(entries, level, own, tier)
    inherited = rules().inherits.get(tier)
    if not chosen and inherited:
        chosen = _assignments(entries, level, own, inherited)
    found: list[Duty] = []
    for entry in chosen:
        node = entry.node
        assert isinstance(node, Assignment)
        if not node.children:
            found.append(Duty(entry.path, node.text))
            continue
        for child in entries:
            if child.path.startswith(entry.path + "-") and child.agencies == node.agencies:
                if not isinstance(child.node, Assignment) and not _reporting_only(child):
                    found.append(Duty(child.path, child.node.text))
    return found


def _assignments(entries: list[Located], level: ChildLevel, own: str, tier: str) -> list[Located]:
    return [
        e
        for e in entries
        if isinstance(e.node, Assignment) and addressed(e.node, level, own, tier=tier)
    ]


def _reporting_only(entry: Located) -> bool:
    return isinstance(entry.node, Reporting) and len(words(entry.node.text)) < 12


def clauses(text: str) -> list[str]:
    """The clauses of a duty (at ";" and sentence ends), those of five words or more.

    >>> clauses("Bố trí nguồn lực cho kế hoạch; lồng ghép nhiệm vụ với các chương trình. Báo cáo")
    ['Bố trí nguồn lực cho kế hoạch', 'lồng ghép nhiệm vụ với các chương trình']
    """
    parts = re.split(r";|\.(?:\s|$)", text)
    return [p.strip() for p in parts if len(words(p)) >= 5]


@attrs.frozen
class Verdict:
    """How one duty is taken up: its score, the closest text and its path, the status."""

    score: int
    path: str
    text: str
    status: str


def verdict(
    duty: str, candidates: list[tuple[str, str]], corpus: Corpus, owners: Owners | None = None
) -> Verdict:
    """Matched when the whole duty, or each of its clauses, is taken up; missing only when
    neither the whole nor any clause comes near: a duty the child takes up in part, or in
    words too different to be sure of, is to review ("cần xem"), never called missing.

    With ``owners``, the texts restating another item of the higher plan are passed over
    (one text, one match). Near is a score of ``missing`` with at least ``missing_shared``
    of the duty's weighted word pairs found in some text: two long sentences of one plan
    look alike to rapidfuzz's ratio (50–60) without sharing a word of substance, which
    is no sign of the duty.
    """
    scores = rules().scores
    parts = [duty, *clauses(duty)]
    table = [[corpus.score(part, text) for part in parts] for _path, text in candidates]
    # only a text near the duty or a clause can change the verdict: ownership, which
    # costs a search of the higher plan, is asked of those alone
    kept = [
        i
        for i, (_path, text) in enumerate(candidates)
        if owners is None
        or max(table[i]) < scores["missing_shared"]
        or not owners.taken(text, duty, table[i][0])
    ]
    if not kept:
        return Verdict(0, "", "", "missing")

    def closest(part: int) -> Best:
        index = max(kept, key=lambda i: (table[i][part], -i))  # the first of equals
        return Best(index, candidates[index][1], table[index][part])

    whole = closest(0)
    found = [closest(part) for part in range(1, len(parts))]
    texts = [candidates[i][1] for i in kept]
    top = max(found, key=lambda p: p.score) if found else whole
    chosen = whole if whole.score >= top.score else top
    path = candidates[chosen.index][0]
    if whole.score >= scores["matched"] or (
        found and all(p.score >= scores["matched"] for p in found)
    ):
        return Verdict(
            max(whole.score, min(p.score for p in found) if found else 0),
            path,
            chosen.text,
            "matched",
        )
    shared = max(corpus.coverage(duty, text) for text in texts)
    near = whole.score >= scores["missing"] and shared >= scores["missing_shared"]
    if not near and top.score < scores["matched"]:
        return Verdict(whole.score, path, chosen.text, "missing")
    return Verdict(max(whole.score, top.score), path, chosen.text, "review")


def judge_duties(
    parent_duties: list[Duty],
    candidates: list[tuple[str, str]],
    corpus: Corpus,
    parent_name: str,
    owners: Owners | None = None,
) -> Iterator[ParentFinding | Match]:
    """A :class:`Match` for each duty, and a finding for each one not clearly taken up."""
    for duty in parent_duties:
        where = f"{parent_name} {duty.path}"
        found = verdict(duty.text, candidates, corpus, owners)
        score, path, text, status = found.score, found.path, found.text, found.status
        yield Match("duty", where, duty.text, path, text, score, status)
        if status == "matched":
            continue
        quoted = dict(duty=shorten(duty.text, 80), match=shorten(text, 80), score=score)
        if status == "missing":
            message = _(
                "missing: the duty “{duty}” of the higher plan is not taken up "
                "(closest, {score}/100: “{match}”)"
            ).format(**quoted)
            code, severity = "PD1", Severity.ERROR
        else:
            message = _(
                "to review: the duty “{duty}” is perhaps taken up in other words "
                "({score}/100: “{match}”)"
            ).format(**quoted)
            code, severity = "PD2", Severity.WARNING
        place = path if status == "review" else _("whole plan")
        yield ParentFinding(code, severity, place, message, where, where, text, score)
