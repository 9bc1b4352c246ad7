"""The unit of work: a service function is one transaction.

Routes and commands never commit or roll back; the use case they call does, through
:func:`transaction`. A public service function that changes the database either commits (it is a
use case, its docstring says «Commits») or is a step of one and says so («the caller's
transaction»): ``audit.record``, ``sessions.start``, ``cases.locked_update`` …
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlmodel import Session


@contextmanager
def transaction(session: Session) -> Iterator[Session]:
    """Commit what the block wrote when it ends; roll it all back when it raises (and re-raise)."""
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
