"""Bearer tokens for client systems. The token is shown once; only its SHA-256 is stored.

Scopes mirror the web roles (README «Roles», ``web/access.py``): least access by default.

| scope             | may                                                          | like the web role |
|-------------------|--------------------------------------------------------------|-------------------|
| ``cases:write``   | hand a case over (POST /api/v1/cases)                         | importing (saksbehandler, leder) |
| ``cases:read``    | read FINISHED cases (ferdigstilt, arkivert) and their evaluations | arkivar |
| ``cases:read-open`` | read every case, open ones included, and its evaluation     | saksbehandler, leder (reading) |

An open case holds a claim still being decided; only a client trusted like a case worker gets
``cases:read-open``. The archive's token has ``cases:read`` only; Nav's case system, which follows
the cases it handed over, ``cases:write`` and ``cases:read-open``.
"""

from __future__ import annotations

import hashlib
import secrets

from sqlmodel import Session, col, select

from workbench.db.models import FINISHED, ApiToken, utcnow
from workbench.services import audit
from workbench.services.transaction import transaction

WRITE = "cases:write"
READ_FINISHED = "cases:read"
READ_OPEN = "cases:read-open"
SCOPES = {
    WRITE: "Opprette saker (POST /api/v1/cases)",
    READ_FINISHED: "Lese ferdigstilte og arkiverte saker og vurderingene deres",
    READ_OPEN: "Lese alle saker, også åpne (under behandling), og vurderingene deres",
}
#: Case statuses a ``cases:read`` token may read (the web arkivar's: web/access.ARCHIVE_STATUSES).
FINISHED_STATUSES = FINISHED


def may_read(scopes, status: str) -> bool:
    """May a token with ``scopes`` read a case with this status? Mirrors ``web.access.may_read_case``:
    ``cases:read-open`` like a case worker (every case), ``cases:read`` like the arkivar (finished)."""
    scopes = set(scopes)
    return READ_OPEN in scopes or (READ_FINISHED in scopes and status in FINISHED_STATUSES)
TOKEN_PREFIX = "kb_"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, client: str, scopes: list[str], *,
                 actor: audit.Actor | None = None) -> tuple[ApiToken, str]:
    """A new token for ``client`` with ``scopes``: the row, and the token itself (shown once, never
    stored). ``ValueError`` naming the field. Commits."""
    client = client.strip()
    if not client:
        raise ValueError("client: Klientnavn mangler.")
    bad = [s for s in scopes if s not in SCOPES]
    if bad or not scopes:
        raise ValueError(f"scopes: Ukjent eller manglende tilgang. Gyldige: {', '.join(SCOPES)}.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(client=client, prefix=token[:10], token_hash=_digest(token),
                   scopes=" ".join(sorted(set(scopes))),
                   created_by_id=actor.user_id if actor else None)
    with transaction(session):
        session.add(row)
        session.flush()
        audit.record(session, actor or audit.Actor.cli(), "api_token.created",
                     detail=f"api_token_id={row.id} scopes={row.scopes}")
    return row, token


def get_token(session: Session, token_id: int) -> ApiToken | None:
    return session.get(ApiToken, token_id)


def find_active(session: Session, token: str) -> ApiToken | None:
    if not token:
        return None
    row = session.exec(select(ApiToken).where(ApiToken.token_hash == _digest(token))).first()
    if row is None or row.revoked_at is not None:
        return None
    return row


def touch(session: Session, row: ApiToken) -> None:
    """Note that the token was used just now. Commits."""
    with transaction(session):
        row.last_used_at = utcnow()
        session.add(row)


def revoke(session: Session, row: ApiToken, *, actor: audit.Actor) -> None:
    """The token opens nothing from now on. Commits."""
    with transaction(session):
        row.revoked_at = utcnow()
        session.add(row)
        audit.record(session, actor, "api_token.revoked", detail=f"api_token_id={row.id}")


def list_tokens(session: Session) -> list[ApiToken]:
    return list(session.exec(select(ApiToken).order_by(col(ApiToken.created_at).desc())))
