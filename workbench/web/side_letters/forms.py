"""The form of a side letter. Dates are typed as text, dd.mm.åååå, and validated here
(``web.forms.NorwegianDateField``); what a letter needs beyond a well-formed value is the service's rule
(``services.side_letters.problems``), reported by the same labels."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import TextAreaField
from wtforms.validators import Length, Optional

from workbench.services.side_letters import MAX_TEXT
from workbench.web.forms import NorwegianDateField, version_field

_TOO_LONG = f"Høyst {MAX_TEXT} tegn."


def _date(label: str) -> NorwegianDateField:
    return NorwegianDateField(label, validators=[Optional()])


class SideLetterForm(FlaskForm):
    version = version_field()
    promised = _date("Vi regner med å avgjøre saken innen")
    reply = _date("Svarfrist")
    reason = TextAreaField("Hvorfor saken tar tid", validators=[Optional(), Length(max=MAX_TEXT, message=_TOO_LONG)])
    documents = TextAreaField("Dokumenter vi trenger", validators=[Optional(), Length(max=MAX_TEXT, message=_TOO_LONG)])


#: The free-text field's label per kind: it says what the text is for in that letter.
REASON_LABELS = {
    "forelopig_svar": "Hvorfor saken tar tid (valgfritt)",
    "forsinkelsesmelding": "Hvorfor saken tar lengre tid",
    "dokumentanmodning": "Merknad til Nav-kontoret (valgfritt)",
    "varsel_ugunst": "Hvorfor Statsforvalteren vurderer å endre vedtaket til ugunst",
}
#: The fields each kind's form shows.
FIELDS = {
    "forelopig_svar": ("promised", "reason"),
    "forsinkelsesmelding": ("promised", "reason"),
    "dokumentanmodning": ("documents", "reply", "reason"),
    "varsel_ugunst": ("reason", "reply"),
}


def form_for(kind: str, formdata=None, data: dict | None = None) -> SideLetterForm:
    """The form for ``kind``, its free-text field labelled for that letter, ids prefixed «f-» (the error
    summary links to them)."""
    form = SideLetterForm(formdata=formdata, data=data or {}) if formdata is not None \
        else SideLetterForm(formdata=None, data=data or {})
    form.reason.label.text = REASON_LABELS[kind]
    if kind == "varsel_ugunst":
        form.reply.label.text = "Frist for klagerens uttalelse"
    for fld in form:
        if fld.id and not fld.id.startswith("f-"):
            fld.id = f"f-{fld.id}"
    return form
