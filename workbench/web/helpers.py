"""Small helpers every blueprint's routes share: who acts (for the audit trail) and the case an
opaque URL id names, refused with 404/403 as the access policy says."""

from __future__ import annotations

from flask import abort
from flask_login import current_user

from workbench.db.session import db_session
from workbench.services import audit
from workbench.services import cases as case_service
from workbench.web.access import may_read_case


def current_actor() -> audit.Actor:
    """The logged-in user, as the audit trail records them."""
    return audit.Actor(user_id=current_user.id)


def readable_case_or_abort(public_id: str):
    """The case with this opaque id: 404 when there is none, 403 when the user may not read it."""
    case = case_service.get_case(db_session(), public_id)
    if case is None:
        abort(404)
    if not may_read_case(current_user, case):
        abort(403)
    return case
