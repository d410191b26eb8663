"""Hypothesis strategies for whole plans: deep trees, optional parts, hostile text."""

from __future__ import annotations

from hypothesis import strategies as st

from planforge import (
    Agency,
    AgencyRole,
    Assignment,
    Authority,
    AuthorityLine,
    Comparison,
    Deadline,
    DocumentNumber,
    DocumentReference,
    DocumentType,
    Header,
    IssueDate,
    LegalBasis,
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
    Section,
    Signature,
    Target,
)
from planforge.model import Appendix, TaskRow
from planforge.text.normalize import clean

VIETNAMESE = (
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
)
ALPHABET = VIETNAMESE + VIETNAMESE.upper() + "0123456789 ,.;:-–()/%&<>\"'"

words = st.text(alphabet=ALPHABET, min_size=1, max_size=40).map(clean).filter(bool)
"""One line of text, as the model stores it: NFC, single spaces, not blank."""

codes = st.from_regex(r"[A-ZĐ][A-Za-zĐđ0-9]{0,6}", fullmatch=True)
years = st.integers(1990, 2100)


@st.composite
def dates(draw: st.DrawFn, *, blanks: bool = True) -> IssueDate:
    """A date, possibly with the day (or day and month) left blank."""
    date = draw(
        st.dates(
            min_value=__import__("datetime").date(1990, 1, 1),
            max_value=__import__("datetime").date(2100, 12, 31),
        )
    )
    if blanks:
        blank = draw(st.sampled_from(["none", "day", "both"]))
        if blank == "day":
            return IssueDate(date.year, date.month)
        if blank == "both":
            return IssueDate(date.year)
    return IssueDate(date.year, date.month, date.day)


agencies = st.builds(
    Agency,
    words,
    st.none() | codes,
    st.none() | st.sampled_from(Level),
    st.none() | words,
    st.lists(words, max_size=2).map(tuple),
)

measures = st.one_of(
    st.builds(
        Measure,
        st.sampled_from([Comparison.AT_LEAST, Comparison.EXACTLY, Comparison.AT_MOST]),
        st.integers(0, 100),
        st.none(),
        st.just("%"),
        st.none() | words,
        year=st.none() | years,
        frequency=st.none() | words,
    ),
    st.builds(
        lambda low, span: Measure(Comparison.RANGE, low, low + span),
        st.integers(0, 50),
        st.integers(0, 50),
    ),
)
deadlines = st.builds(
    Deadline,
    st.sampled_from(Period),
    st.none() | st.integers(1, 28),
    st.none() | st.integers(1, 12),
    st.none() | words,
)
markers = st.none() | st.sampled_from(Marker)
labels = st.none() | st.sampled_from(["6.", "10.1.", "1", "b)", "IV."])


def nodes(depth: int = 0) -> st.SearchStrategy:  # type: ignore[type-arg]
    """A body entry whose subtree is at most ``4 - depth`` levels deep."""
    children = (
        st.lists(st.deferred(lambda: nodes(depth + 1)), max_size=3).map(tuple)
        if depth < 4
        else st.just(())
    )
    common = {"marker": markers, "label": labels, "children": children}
    return st.one_of(
        st.builds(
            Section,
            title=words,
            role=st.sampled_from(Role),
            text=st.just("") | words,
            item_marker=st.sampled_from(Marker),
            **common,
        ),
        st.builds(Paragraph, text=words, **common),
        st.builds(
            Target,
            text=words,
            measures=st.lists(measures, max_size=2).map(tuple),
            origin=st.none() | words,
            **common,
        ),
        st.builds(
            Reporting, text=words, deadlines=st.lists(deadlines, max_size=2).map(tuple), **common
        ),
        st.builds(
            Assignment,
            text=words,
            agencies=st.lists(words, max_size=2).map(tuple),
            requested=st.booleans(),
            heading=st.booleans(),
            roles=st.lists(
                st.builds(RoleAssignment, words, st.sampled_from(AgencyRole)), max_size=2
            ).map(tuple),
            item_marker=st.sampled_from(Marker),
            **common,
        ),
    )


@st.composite
def headers(draw: st.DrawFn) -> Header:
    """A plan's header with any optional part present or absent."""
    issuer = draw(codes)
    number = DocumentNumber(
        draw(st.none() | st.integers(1, 99999)),
        issuer,
        type_code="KH",
        unit_code=draw(st.none() | codes),
    )
    return Header(
        parent_agency=draw(st.none() | agencies),
        issuing_agency=draw(agencies),
        number=number,
        place=draw(words),
        date=draw(dates()),
        subject=draw(words),
        draft=draw(st.booleans()),
    )


references = st.builds(
    DocumentReference,
    st.sampled_from(DocumentType),
    words,
    st.none() | words,
    st.none() | dates(blanks=False),
    st.none() | words,
)

authority_lines = st.lists(
    st.builds(AuthorityLine, st.sampled_from(Authority), words),
    max_size=2,
    unique_by=lambda a: a.prefix,
).map(tuple)

plans = st.builds(
    Plan,
    header=headers(),
    legal_basis=st.builds(
        LegalBasis,
        st.lists(references, max_size=2).map(tuple),
        st.lists(words, max_size=2).map(tuple),
    ),
    sections=st.lists(nodes(), max_size=4).map(tuple),
    closing=st.lists(st.builds(Paragraph, text=words), max_size=2).map(tuple),
    recipients=st.builds(
        Recipients,
        st.lists(
            st.builds(Recipient, words, st.none() | st.sampled_from(["b/c", "t/h", "TH"])),
            max_size=4,
        ).map(tuple),
        st.lists(codes, min_size=1, max_size=3).map(tuple),
    ),
    signature=st.builds(Signature, words, words, authority_lines),
    appendices=st.lists(
        st.builds(
            Appendix,
            title=words,
            from_assignments=st.booleans(),
            landscape=st.booleans(),
            rows=st.lists(st.builds(TaskRow, task=words, lead=st.just("") | words), max_size=2).map(
                tuple
            ),
        ),
        max_size=2,
    ).map(tuple),
)
"""Whole plans: every optional part present or absent, hostile characters included."""
