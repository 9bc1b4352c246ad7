from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional, ValidationError

from workbench.web.forms import version_field

from workbench.services.archive import OUTCOME_LABELS

DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATE_MESSAGE = "Skriv en gyldig dato (dd.mm.åååå)."


class SearchForm(FlaskForm):
    """Sent by POST only: a claimant's name or a fødselsnummer never ends up in a URL."""

    reference = StringField("Navs saksnummer", validators=[Optional(), Length(max=100)])
    office = StringField("Nav-kontor", validators=[Optional(), Length(max=200)])
    name = StringField("Klagerens navn", validators=[Optional(), Length(max=200)])
    date_from = DateField("Vedtaksdato fra", validators=[Optional()], format=DATE_FORMATS,
                          render_kw={"type": "text"})
    date_to = DateField("Vedtaksdato til", validators=[Optional()], format=DATE_FORMATS,
                          render_kw={"type": "text"})
    outcome = SelectField("Utfall", choices=[SelectChoice("", "Alle utfall"),
                                           *(SelectChoice(k, v) for k, v in OUTCOME_LABELS.items())],
                          validators=[Optional()])

    def validate_date_to(self, field):
        if field.data and self.date_from.data and field.data < self.date_from.data:
            raise ValidationError("Til-datoen kan ikke være før fra-datoen.")


class VersionedForm(FlaskForm):
    version = version_field()


class ExportForm(FlaskForm):
    pass
