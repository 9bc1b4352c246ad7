"""The archive's forms: the search (posted, never in a URL) and the confirmation before «Arkiver»."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectChoice, SelectField, StringField
from wtforms.validators import InputRequired, Length, Optional, ValidationError

from workbench.formats.import_format.identity import IdentityError, validate_identity
from workbench.services.archive_search import OUTCOME_LABELS
from workbench.web.forms import NorwegianDateField, version_field

CONFIRM_LABEL = "Jeg bekrefter at saken skal arkiveres"
CONFIRM_MESSAGE = "Kryss av for at du bekrefter at saken skal arkiveres."


def valid_fnr(form, field) -> None:
    """A fødselsnummer or D-nummer by the import's own rule (``identity.validate_identity``: python-stdnum
    and the synthetic test numbers the import accepts), so every number a case was imported with can
    be searched for. The stored value is the compact eleven digits."""
    number = "".join((field.data or "").split())
    if not number:
        return
    if len(number) != 11 or not (number.isascii() and number.isdigit()):
        raise ValidationError("Skriv de 11 sifrene i fødselsnummeret eller D-nummeret.")
    try:
        validate_identity(number, allow_synthetic=True)
    except IdentityError as exc:
        raise ValidationError(f"Ikke gyldig – {exc}.") from None
    field.data = number


class SearchForm(FlaskForm):
    """Sent by POST only: a claimant's name or a fødselsnummer never ends up in a URL (nor in a server's
    request log or a Referer header)."""

    fnr = StringField("Fødselsnummer", validators=[Optional(), Length(max=20), valid_fnr],
                      render_kw={"inputmode": "numeric", "spellcheck": "false"})
    our_reference = StringField("Vår referanse", validators=[Optional(), Length(max=50)])
    reference = StringField("Navs saksnummer", validators=[Optional(), Length(max=100)])
    office = StringField("Nav-kontor", validators=[Optional(), Length(max=200)])
    name = StringField("Klagerens navn", validators=[Optional(), Length(max=200)])
    date_from = NorwegianDateField("Vedtaksdato fra", validators=[Optional()])
    date_to = NorwegianDateField("Vedtaksdato til", validators=[Optional()])
    outcome = SelectField("Utfall", choices=[SelectChoice("", "Alle utfall"),
                                           *(SelectChoice(k, v) for k, v in OUTCOME_LABELS.items())],
                          validators=[Optional()])

    words = StringField("Ord i saken", validators=[Optional(), Length(max=200)])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("Til-datoen kan ikke være før fra-datoen.")


class VersionedForm(FlaskForm):
    version = version_field()


class ArchiveForm(VersionedForm):
    """«Arkiver» asks first: archiving cannot be undone from the app, so the box must be ticked (a
    plain form, no JavaScript needed)."""

    confirm = BooleanField(CONFIRM_LABEL, validators=[InputRequired(CONFIRM_MESSAGE)])


class ExportForm(FlaskForm):
    pass
