"""One page of a list, counted and cut in the database (issue 15: «every list and search paginated»).

A list never loads the rows it does not show: the statement is counted (``SELECT count(*)`` over it) and
cut with ``LIMIT``/``OFFSET`` in its own order. Offset paging, not keyset, because the user asks for «side 7
av 2 000» and «Siste»; the sort columns are indexed (migration 0010), so a deep page costs an index walk.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlmodel import Session, func, select

T = TypeVar("T")

PER_PAGE = 50  # rows on one page of every list: a screen or two, well under 200 KB of HTML


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # 1-based, already clamped into 1..pages
    per_page: int
    total: int
    capped: bool = False  # the list has more than ``total`` rows: counting was stopped there

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def first_row(self) -> int:
        """The 1-based position of the page's first row (0 on an empty list)."""
        return (self.number - 1) * self.per_page + 1 if self.total else 0

    @property
    def last_row(self) -> int:
        return self.first_row + len(self.items) - 1 if self.items else 0

    def __iter__(self):
        return iter(self.items)

    def __getitem__(self, index: int) -> T:
        return self.items[index]

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)


def page_number(raw: Any) -> int:
    """The page asked for (``?side=3``), 1 for anything that is not a positive whole number of sane size: a
    page number is navigation, not input to be refused."""
    text = str(raw or "").strip()
    if not text.isdigit() or len(text) > 7:
        return 1
    return max(1, int(text))


def count(session: Session, stmt: Any, *, cap: int | None = None) -> int:
    """The rows of ``stmt``; with ``cap``, at most ``cap + 1`` are counted (a search that matches most of a
    large archive is not worth counting to the end: «over 1 000 treff» says what the user needs)."""
    inner = stmt.order_by(None) if cap is None else stmt.order_by(None).limit(cap + 1)
    return int(session.exec(select(func.count()).select_from(inner.subquery())).one())


def paginate(session: Session, stmt: Any, number: int, *, per_page: int = PER_PAGE,
             total: int | None = None, cap: int | None = None) -> Page[Any]:
    """The ``number``-th page of ``stmt`` (already ordered, ending on a unique column so pages never overlap).
    A number past the end gives the last page. With ``cap``, only the first ``cap`` rows can be paged to, and
    the page says so (``capped``)."""
    total = count(session, stmt, cap=cap) if total is None else total
    capped = cap is not None and total > cap
    total = cap if capped and cap is not None else total
    pages = max(1, -(-total // per_page))
    number = min(max(1, number), pages)
    items = list(session.exec(stmt.limit(per_page).offset((number - 1) * per_page)))
    return Page(items, number, per_page, total, capped)
