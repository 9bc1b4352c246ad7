"""Who may do what (least access). The README's «Roles» section describes the same table.

| role          | cases                                        | import | users, API tokens |
|---------------|----------------------------------------------|--------|-------------------|
| saksbehandler | all cases: read, take, edit, move status      | yes    | no |
| leder         | as saksbehandler, and approve (til godkjenning → ferdigstilt) | yes | no |
| arkivar       | only ferdigstilt/arkivert cases: read, archive | no    | no |
| admin         | none (no personal data)                       | no     | yes |
"""

from __future__ import annotations

from collections.abc import Iterable

from functools import wraps

from flask import abort, url_for
from flask_login import current_user

from workbench.db.models import FINISHED, CaseStatus, Role

CASE_WORKERS = frozenset({Role.SAKSBEHANDLER.value, Role.LEDER.value})
CASE_READERS = CASE_WORKERS | {Role.ARKIVAR.value}
IMPORTERS = CASE_WORKERS
ADMINS = frozenset({Role.ADMIN.value})
#: Who searches, archives and exports decided cases (the archive page).
ARCHIVISTS = frozenset({Role.ARKIVAR.value, Role.LEDER.value})
ARCHIVE_STATUSES = FINISHED
#: Who sees the office's processing-time figures for Helsetilsynet (issue 17, «Oversight»): the leder. Admin sees
#: no case data, not even counted (README «Roles»).
OVERSEERS = frozenset({Role.LEDER.value})


def roles_required(*roles: str | Iterable[str]):
    """Only these roles (names, or sets of names such as ``CASE_WORKERS``) may open the view; anonymous
    visitors go to the login page, other roles get 403."""
    allowed = frozenset(r for group in roles for r in ([group] if isinstance(group, str) else group))

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                from workbench.extensions import login_manager

                return login_manager.unauthorized()
            if current_user.role not in allowed:
                abort(403)
            return view(*args, **kwargs)

        wrapped.allowed_roles = allowed
        return wrapped

    return decorator


def may_read_case(user, case) -> bool:
    if user.role in CASE_WORKERS:
        return True
    if user.role == Role.ARKIVAR.value:
        return case.status in ARCHIVE_STATUSES
    return False


def may_change_status(user, case, to_status: str) -> bool:
    if to_status in (CaseStatus.TIL_GODKJENNING.value, CaseStatus.FERDIGSTILT.value,
                     CaseStatus.ARKIVERT.value):
        # Only the letter flow (services.letters: send, approve, finalize gate) moves a case to
        # til_godkjenning/ferdigstilt, and only the archive (services.archive.archive_case, which
        # verifies the letter's checksum) to arkivert.
        return False
    return user.role in CASE_WORKERS


def home_for(user) -> str:
    if not user.is_authenticated:
        return url_for("auth.login")
    if user.role == Role.ADMIN.value:
        return url_for("admin.users")
    if user.role == Role.ARKIVAR.value:
        return url_for("cases.archive_list")
    return url_for("cases.my_cases")
