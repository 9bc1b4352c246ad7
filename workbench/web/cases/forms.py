from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField
from wtforms.validators import DataRequired, Optional, ValidationError

from workbench.web.forms import version_field

from workbench.formats.import_format import bounds

#: The days a case's dates may take, the import's (2000–2099): every deadline computed from them stays
#: far from the calendar's end (year 9999).
DATE_MIN = bounds.DATE_MIN
DATE_MAX = bounds.DATE_MAX
DATE_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
INVALID_DATE = "Skriv en gyldig dato (dd.mm.åååå)."


def date_in_range(form, field) -> None:
    if field.data is not None and not DATE_MIN <= field.data <= DATE_MAX:
        raise ValidationError(f"Datoen må være mellom {DATE_MIN:%d.%m.%Y} og {DATE_MAX:%d.%m.%Y}.")


class VersionedForm(FlaskForm):
    """Every change carries the version it was read at (optimistic locking). A version outside a
    database integer is refused here, before it reaches the UPDATE."""

    version = version_field()


class ReceivedForm(VersionedForm):
    received = DateField("Mottatt hos Statsforvalteren", format=DATE_FORMATS,
                         invalid_value_message=INVALID_DATE,
                         validators=[DataRequired(INVALID_DATE), date_in_range])


class ForelopigSvarForm(VersionedForm):
    sent = DateField("Foreløpig svar sendt", format=DATE_FORMATS, invalid_value_message=INVALID_DATE,
                     validators=[Optional(), date_in_range])


class ActionForm(VersionedForm):
    to_status = HiddenField()
