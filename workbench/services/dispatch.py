"""«Ekspeder»: the dispatch of a finalised decision recorded — to whom, with a copy to whom, how and when
(issue 13).

Forvaltningsloven § 27 first paragraph: «Det forvaltningsorgan som har truffet vedtaket, skal sørge for at
partene underrettes om vedtaket så snart som mulig». Finalising (``services/letters.finalize``) freezes the
letter; the dispatch recorded here is the underretning: the claimant — or the fullmektig, to whom the letter
is then addressed (``letters/model.py``: addressee and «Kopi til») — gets the frozen PDF/A, the Nav office
(underinstansen, which carries the decision out) a copy marked «KOPI», and, when a fullmektig received it, the
claimant a copy too.

- One row per recipient in ``dispatches`` (``workbench.db.dispatch_models``), with who recorded it and when,
  audited (``dispatch.recorded``: codes only — recipient kind, channels — never a name or an address).
- A case is dispatched once: a second «Ekspeder» is refused (:class:`DispatchRefused`), and two sent at the
  same moment are told apart by the table's unique key, not by luck. A correction would be a new
  ``sequence``; that is not built.
- No case status: a ferdigstilt (or arkivert) case with a dispatch row is «sent» (:func:`dispatched_on`), so
  the status machine every list and guard uses stays as it is.
- The copy's PDF (:func:`copy_pdf`) is the frozen PDF stamped «KOPI» on every page with pikepdf; the archived
  bytes are only ever read. Both downloads first verify the case against the signed archive chain
  (``integrity.require_intact``), as the final PDF's download does.

What may be recorded, and what the jurist is told when not, is decided in one place: :func:`problems`.
"""

from __future__ import annotations

import functools
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from workbench.db.appeal_models import CaseReview, Letter, LetterStatus
from workbench.db.dispatch_models import Channel, Dispatch, DispatchRole, RecipientKind
from workbench.db.models import Case, CaseStatus, stored_id
from workbench.services import audit, integrity
from workbench.services import cases as case_service
from workbench.services.transaction import transaction

#: The channels as the jurist knows them (the page and the package show the label, the table stores the code).
CHANNEL_LABELS = {
    Channel.DIGITAL.value: "Digital post (SvarUt/Digipost)",
    Channel.POST.value: "Brev i posten",
    Channel.UTLEVERT.value: "Utlevert",
    Channel.EPOST.value: "E-post (kun til Nav-kontoret)",
}
#: A decision is taushetsbelagt (sotjl. § 44, fvl. § 13): to a private person never by ordinary e-mail.
PERSON_CHANNELS = (Channel.DIGITAL.value, Channel.POST.value, Channel.UTLEVERT.value)
NAV_CHANNELS = tuple(CHANNEL_LABELS)
ROLE_LABELS = {
    DispatchRole.MOTTAKER.value: "Mottaker",
    DispatchRole.KOPI_NAV.value: "Kopi til Nav-kontoret",
    DispatchRole.KOPI_KLAGER.value: "Kopi til klageren",
}
RECIPIENT_LABELS = {
    RecipientKind.KLAGER.value: "Klageren",
    RecipientKind.FULLMEKTIG.value: "Fullmektig",
    RecipientKind.NAV_KONTOR.value: "Nav-kontoret",
}
FINISHED = (CaseStatus.FERDIGSTILT.value, CaseStatus.ARKIVERT.value)
_POSTCODE = re.compile(r"\d{4}")


class DispatchRefused(ValueError):
    """Nothing was recorded: ``problems`` is a list of (field, reason), the reason Norwegian, for the page."""

    def __init__(self, problems: list[tuple[str, str]]):
        super().__init__("; ".join(f"{f}: {r}" for f, r in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Party:
    """A recipient's name and postal address as the letter is sent to them."""

    name: str
    street: str = ""
    postcode: str = ""
    city: str = ""

    @property
    def address_lines(self) -> list[str]:
        return [line for line in (self.street, " ".join(p for p in (self.postcode, self.city) if p)) if line]


@dataclass(frozen=True, slots=True)
class Request:
    """What the jurist gave on «Ekspeder». ``recipient``: «klager» or «fullmektig» (then ``representative``
    is the fullmektig as typed); ``channel`` the recipient's; ``nav_channel`` the copy's (when
    ``copy_to_nav``); ``copy_to_claimant``: a copy to the claimant when the fullmektig is the recipient."""

    recipient: str
    channel: str
    sent_on: date | None
    copy_to_nav: bool = True
    nav_channel: str = Channel.DIGITAL.value
    copy_to_claimant: bool = True
    representative: Party | None = None


@dataclass(frozen=True)
class DispatchView:
    """A recorded dispatch, as the pages and the archive package show it."""

    sent_on: date
    rows: list[Dispatch]
    recorded_by_id: int | None
    recorded_at: datetime

    def labelled(self) -> list[dict[str, Any]]:
        return [{"role": r.role, "role_label": ROLE_LABELS.get(r.role, r.role),
                 "recipient_label": RECIPIENT_LABELS.get(r.recipient_kind, r.recipient_kind), "name": r.name,
                 "address": Party(r.name, r.street or "", r.postcode or "", r.city or "").address_lines,
                 "channel": r.channel, "channel_label": CHANNEL_LABELS.get(r.channel, r.channel),
                 "sent_on": r.sent_on} for r in self.rows]


def _d(day: date) -> str:
    return f"{day:%d.%m.%Y}"


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

def rows_for(session: Session, case: Case) -> list[Dispatch]:
    """Every dispatch row of the case, oldest dispatch first, the recipient before the copies."""
    order = {role.value: i for i, role in enumerate(DispatchRole)}
    rows = list(session.exec(select(Dispatch).where(Dispatch.case_id == case.id)
                             .order_by(col(Dispatch.sequence), col(Dispatch.id))))
    return sorted(rows, key=lambda r: (r.sequence, order.get(r.role, 99), r.id or 0))


def view(session: Session, case: Case) -> DispatchView | None:
    """The case's dispatch (the first; a correction is not built), or None when it has not been dispatched."""
    rows = [r for r in rows_for(session, case) if r.sequence == 1]
    if not rows:
        return None
    first = rows[0]
    return DispatchView(sent_on=first.sent_on, rows=rows, recorded_by_id=first.recorded_by_id,
                        recorded_at=first.recorded_at)


def dispatched_on(session: Session, case: Case) -> date | None:
    """The day the decision was sent to the recipient, or None (not dispatched, or not finished)."""
    if case.status not in FINISHED or case.id is None:
        return None
    return _sent_on(session, case.id)


def _sent_on(session: Session, case_id: int | None) -> date | None:
    row = session.exec(select(Dispatch).where(Dispatch.case_id == case_id,
                                              Dispatch.role == DispatchRole.MOTTAKER.value)
                       .order_by(col(Dispatch.sequence))).first()
    return row.sent_on if row is not None else None


def _letter(session: Session, case: Case) -> Letter | None:
    row = session.exec(select(Letter).where(Letter.case_id == case.id)).first()
    if row is None or row.status != LetterStatus.FERDIGSTILT.value or not row.pdf:
        return None
    return row


def _document(session: Session, case: Case) -> dict[str, Any]:
    """The facts in force: as corrected in review where they were, else as imported (the letter's source)."""
    review = session.exec(select(CaseReview).where(CaseReview.case_id == case.id)).first()
    if review is not None and review.current_document is not None:
        return review.current_document
    return case_service.imported_for(session, case).parsed or {}


def _party(obj: Any) -> Party | None:
    if not isinstance(obj, dict) or not str(obj.get("name") or "").strip():
        return None
    found = obj.get("address")
    address: dict[str, Any] = found if isinstance(found, dict) else {}
    return Party(str(obj["name"]).strip(), str(address.get("street") or "").strip(),
                 str(address.get("postcode") or "").strip(), str(address.get("city") or "").strip())


def claimant(session: Session, case: Case) -> Party:
    """The claimant as the import document (``participant``) names them."""
    return _party(_document(session, case).get("participant")) or Party(case.claimant_name)


def representative(session: Session, case: Case) -> Party | None:
    """The fullmektig the import document names, if any (the letter is then addressed to them)."""
    return _party(_document(session, case).get("representative"))


def nav_office(session: Session, case: Case) -> str:
    office = _document(session, case).get("nav_office")
    return str(office.get("name") or "").strip() if isinstance(office, dict) and office.get("name") else case.nav_office


def defaults(session: Session, case: Case, *, today: date) -> dict[str, Any]:
    """What the form starts with: the letter's own addressee (the fullmektig where the document names one, else
    the claimant), a copy to the Nav office, digital post, today."""
    rep = representative(session, case)
    return {"recipient": RecipientKind.FULLMEKTIG.value if rep else RecipientKind.KLAGER.value,
            "representative_name": rep.name if rep else "", "representative_street": rep.street if rep else "",
            "representative_postcode": rep.postcode if rep else "", "representative_city": rep.city if rep else "",
            "channel": Channel.DIGITAL.value, "copy_to_nav": True, "nav_channel": Channel.DIGITAL.value,
            "copy_to_claimant": rep is not None, "sent_on": today}


# ---------------------------------------------------------------------------------------------
# Recording
# ---------------------------------------------------------------------------------------------

def problems(session: Session, case: Case, req: Request, *, today: date) -> list[tuple[str, str]]:
    """Why this dispatch cannot be recorded (empty: it can). Fields are the form's names."""
    status = session.exec(select(Case.status).where(Case.id == case.id)).first()
    letter = _letter(session, case)
    if status not in FINISHED or letter is None:
        return [("dispatch", "Vedtaket kan ekspederes først når det er ferdigstilt.")]
    sent = _sent_on(session, case.id)
    if sent is not None:
        return [("dispatch", f"Vedtaket er allerede registrert som ekspedert {_d(sent)}. "
                             "En ny ekspedering kan ikke registreres.")]
    out: list[tuple[str, str]] = []
    if req.recipient not in (RecipientKind.KLAGER.value, RecipientKind.FULLMEKTIG.value):
        out.append(("recipient", "Velg klageren eller en fullmektig."))
    party = _recipient(session, case, req)
    if req.recipient == RecipientKind.FULLMEKTIG.value:
        rep = req.representative or Party("")
        if not rep.name.strip():
            out.append(("representative_name", "Skriv fullmektigens navn."))
        if rep.postcode and not _POSTCODE.fullmatch(rep.postcode):
            out.append(("representative_postcode", "Postnummeret er fire sifre."))
    if req.channel not in CHANNEL_LABELS:
        out.append(("channel", "Velg en av kanalene i listen."))
    elif req.channel not in PERSON_CHANNELS:
        out.append(("channel", "E-post kan bare brukes for kopien til Nav-kontoret: vedtaket er taushetsbelagt."))
    elif req.channel == Channel.POST.value and party is not None and not (party.street and party.postcode):
        field = "representative_street" if req.recipient == RecipientKind.FULLMEKTIG.value else "channel"
        out.append((field, "Brev i posten trenger en adresse med gate og postnummer."))
    if req.copy_to_nav and req.nav_channel not in NAV_CHANNELS:
        out.append(("nav_channel", "Velg en av kanalene i listen."))
    if req.sent_on is None:
        out.append(("sent_on", "Skriv datoen vedtaket ble sendt (dd.mm.åååå)."))
    elif letter.our_date is not None and req.sent_on < letter.our_date:
        out.append(("sent_on", f"Datoen kan ikke være før vedtakets dato ({_d(letter.our_date)})."))
    elif req.sent_on > today:
        out.append(("sent_on", f"Datoen kan ikke være etter i dag ({_d(today)})."))
    return out


def _recipient(session: Session, case: Case, req: Request) -> Party | None:
    if req.recipient == RecipientKind.KLAGER.value:
        return claimant(session, case)
    if req.recipient == RecipientKind.FULLMEKTIG.value:
        rep = req.representative or Party("")
        return Party(rep.name.strip(), rep.street.strip(), rep.postcode.strip(), rep.city.strip())
    return None


def _row(case: Case, letter: Letter, role: DispatchRole, kind: str, party: Party, channel: str, sent_on: date,
         actor: audit.Actor) -> Dispatch:
    return Dispatch(case_id=stored_id(case), letter_id=stored_id(letter), sequence=1, role=role.value,
                    recipient_kind=kind, name=party.name[:200], street=party.street[:200] or None,
                    postcode=party.postcode[:10] or None, city=party.city[:100] or None, channel=channel,
                    sent_on=sent_on, recorded_by_id=actor.user_id)


def record(session: Session, case: Case, req: Request, *, today: date, actor: audit.Actor) -> list[Dispatch]:
    """Record the dispatch: one row for the recipient, one for each copy, audited (``dispatch.recorded``: the
    recipient kind and the channels, no name, no address). Raises ``DispatchRefused`` (nothing stored) when
    :func:`problems` finds any, or when another «Ekspeder» of the case got there first. Commits."""
    found = problems(session, case, req, today=today)
    if found:
        raise DispatchRefused(found)
    letter = _letter(session, case)
    party = _recipient(session, case, req)
    assert letter is not None and party is not None and req.sent_on is not None  # checked by problems()
    rows = [_row(case, letter, DispatchRole.MOTTAKER, req.recipient, party, req.channel, req.sent_on, actor)]
    if req.copy_to_nav:
        rows.append(_row(case, letter, DispatchRole.KOPI_NAV, RecipientKind.NAV_KONTOR.value,
                         Party(nav_office(session, case)), req.nav_channel, req.sent_on, actor))
    if req.recipient == RecipientKind.FULLMEKTIG.value and req.copy_to_claimant:
        # the letter names the claimant under «Kopi til» when a fullmektig is the addressee (letters/model.py)
        rows.append(_row(case, letter, DispatchRole.KOPI_KLAGER, RecipientKind.KLAGER.value,
                         claimant(session, case), req.channel, req.sent_on, actor))
    detail = (f"recipient={req.recipient} channel={req.channel} "
              f"copy_nav={req.nav_channel if req.copy_to_nav else 'nei'} "
              f"copy_claimant={'ja' if any(r.role == DispatchRole.KOPI_KLAGER.value for r in rows) else 'nei'}")
    try:
        with transaction(session):
            for row in rows:
                session.add(row)
            audit.record(session, actor, "dispatch.recorded", case_id=case.id, detail=detail)
    except IntegrityError:
        # the unique key (case, sequence, role): another «Ekspeder» of this case was committed first
        raise DispatchRefused([("dispatch", "Vedtaket er allerede registrert som ekspedert av noen andre. "
                                            "Last siden på nytt.")]) from None
    return rows


# ---------------------------------------------------------------------------------------------
# The copy's PDF
# ---------------------------------------------------------------------------------------------

#: The «KOPI» mark: top centre of every page, inside the letter's 25 mm top margin (letter.css), clear of the
#: page number (top right), a draft's UTKAST mark (top left) and the letterhead (below the margin). Rendered once by the letter's own
#: WeasyPrint pipeline, so its font is the bundled Liberation Sans, embedded as PDF/A requires.
_STAMP_HTML = """<!DOCTYPE html>
<html lang="nb"><head><meta charset="utf-8"><title>KOPI</title><style>
@page { size: A4; margin: 0; @top-right { content: none; } }
@page :first { margin: 0; @bottom-left { content: none; } }
body { margin: 0; }
.mark { position: absolute; top: 7mm; left: 0; right: 0; text-align: center; }
.kopi { display: inline-block; font-family: "Letter Sans"; font-weight: bold; font-size: 16pt; letter-spacing: 2pt;
        color: #b00000; border: 1.5pt solid #b00000; padding: 0.5mm 3mm; line-height: 1.2; }
</style></head><body><div class="mark"><span class="kopi">KOPI</span></div></body></html>
"""


STAMP_NAME = "/KlagebenkKopi"


@functools.lru_cache(maxsize=1)
def _stamp_pdf() -> bytes:
    from workbench.letters.render import html_to_pdf

    return html_to_pdf(_STAMP_HTML)


def stamp_copy(pdf: bytes) -> bytes:
    """``pdf`` with «KOPI» on every page, as new bytes: the stamp page, copied in once as a form XObject, is
    drawn over each page's own content (wrapped in q … Q so the stamp starts from a clean graphics state),
    under a fixed resource name, and the file saved with an identifier derived from its content — so the same
    letter always gives the same copy (pikepdf's ``add_overlay`` picks random names). ``pdf`` itself is only
    read: bytes are immutable, and the archived row is never written."""
    import pikepdf

    with pikepdf.open(io.BytesIO(_stamp_pdf())) as stamp, pikepdf.open(io.BytesIO(pdf)) as doc:
        form = doc.copy_foreign(stamp.pages[0].as_form_xobject())
        sx0, sy0, sx1, sy1 = (float(v) for v in form.BBox)
        for page in doc.pages:
            x0, y0, x1, y1 = (float(v) for v in page.mediabox)
            resources = page.obj.get("/Resources")
            if resources is None:
                resources = page.obj.Resources = pikepdf.Dictionary()
            if "/XObject" not in resources:
                resources.XObject = pikepdf.Dictionary()
            resources.XObject[STAMP_NAME] = form
            matrix = f"{(x1 - x0) / (sx1 - sx0):.6f} 0 0 {(y1 - y0) / (sy1 - sy0):.6f} {x0 - sx0:.4f} {y0 - sy0:.4f} cm"
            page.contents_add(pikepdf.Stream(doc, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(doc, f"Q\nq {matrix} {STAMP_NAME} Do Q\n".encode("ascii")))
        out = io.BytesIO()
        doc.save(out, deterministic_id=True)
    return out.getvalue()


def copy_pdf(session: Session, case: Case, *, actor: audit.Actor) -> bytes:
    """The copy of the finalised letter (Nav office, claimant), stamped «KOPI» — after verifying the case
    against the signed archive chain (``integrity.IntegrityFailure``, audited, when it does not hold), its
    download audited (``dispatch.copy_downloaded``). Raises ``DispatchRefused`` when there is no finalised
    letter. Commits."""
    letter = _letter(session, case)
    if letter is None or letter.pdf is None:
        raise DispatchRefused([("dispatch", "Vedtaket er ikke ferdigstilt.")])
    integrity.require_intact(session, case, actor=actor, where="download")
    data = stamp_copy(letter.pdf)
    with transaction(session):
        audit.record(session, actor, "dispatch.copy_downloaded", case_id=case.id)
    return data


def copy_filename(original: str) -> str:
    """The copy's file name: the original's (no personal data: ``letters.pdf_filename``) with «-kopi»."""
    return re.sub(r"\.pdf$", "", original) + "-kopi.pdf"


__all__ = [
    "CHANNEL_LABELS", "DispatchRefused", "DispatchView", "Party", "Request", "claimant", "copy_filename",
    "copy_pdf", "defaults", "dispatched_on", "nav_office", "problems", "record", "representative", "rows_for",
    "stamp_copy", "view",
]
